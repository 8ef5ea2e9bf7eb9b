(unwrap-err-panic {r})
