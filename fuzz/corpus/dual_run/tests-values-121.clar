(is-eq {a: 1, b: u2} {b: u2, a: 1})
