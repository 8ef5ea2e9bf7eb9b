(from-consensus-buff? (optional int) (unwrap-panic (to-consensus-buff? (some (some 1)))))
