(get b {a: 1, b: u2})
