(from-consensus-buff? (string-ascii 2) (unwrap-panic (to-consensus-buff? "abc")))
