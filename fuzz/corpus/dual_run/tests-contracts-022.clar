(ok 3)
