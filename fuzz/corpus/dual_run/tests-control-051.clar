(try! (if true (ok {a: 1}) (err u1)))
