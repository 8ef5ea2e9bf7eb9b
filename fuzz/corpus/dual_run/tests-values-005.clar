(ok (some 1))
