(some "hello")
