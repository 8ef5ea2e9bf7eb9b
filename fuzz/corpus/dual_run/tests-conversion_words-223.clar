(from-consensus-buff? {a: int} (unwrap-panic (to-consensus-buff? {a: 1, b: 2})))
