(unwrap-panic {o})
