(unwrap-panic {r})
