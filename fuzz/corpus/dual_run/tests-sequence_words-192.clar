(element-at? (list {a: 1, b: u2} {a: 3, b: u4}) u1)
