(merge {a: 1, b: 2} {b: u3, c: true})
