(unwrap-panic (if true none (some true)))
