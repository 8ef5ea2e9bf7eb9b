(index-of? (list {a: 1} {a: 2}) {a: 2})
