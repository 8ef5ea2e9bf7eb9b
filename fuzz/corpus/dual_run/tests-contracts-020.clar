(ok 8)
