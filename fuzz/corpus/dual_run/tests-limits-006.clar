(ok 1)
