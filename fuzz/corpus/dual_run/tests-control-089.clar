(ok 2)
