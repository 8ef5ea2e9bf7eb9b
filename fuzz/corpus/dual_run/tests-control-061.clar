(unwrap-panic {NONE_INT})
