(unwrap-panic (some "v"))
