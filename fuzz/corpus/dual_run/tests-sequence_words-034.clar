(index-of? (list {a: 1, s: "x"} {a: 1, s: "xyz"}) {a: 1, s: "xyz"})
