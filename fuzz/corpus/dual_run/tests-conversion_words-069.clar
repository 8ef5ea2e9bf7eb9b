(some "abc")
