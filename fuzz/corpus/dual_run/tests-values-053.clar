(get a {a: 1, b: u2})
