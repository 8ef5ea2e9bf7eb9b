(ok 9)
