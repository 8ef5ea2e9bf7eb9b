(ok 4)
