(from-consensus-buff? (list 1 int) (unwrap-panic (to-consensus-buff? (list 1 2))))
