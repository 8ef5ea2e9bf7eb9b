(try! (if true (err u1) (ok 2)))
