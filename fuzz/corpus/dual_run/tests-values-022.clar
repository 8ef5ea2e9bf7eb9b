(list {a: 1, b: u1} {a: 2, b: u2})
