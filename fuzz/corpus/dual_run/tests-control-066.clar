(+ 1 (try! (if (> 2 1) (err "deep") (ok 1))))
