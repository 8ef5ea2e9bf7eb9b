(ok 7)
