(append (unwrap-panic (from-consensus-buff? (list 5 (string-ascii 10)) (unwrap-panic (to-consensus-buff? (list "a"))))) "b")
