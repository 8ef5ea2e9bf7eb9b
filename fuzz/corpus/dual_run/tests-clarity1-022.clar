(unwrap-panic (if true none (some 1)))
