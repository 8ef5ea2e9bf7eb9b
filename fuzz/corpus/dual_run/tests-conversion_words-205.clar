(some (ok 1))
