(len (list {a: 1} {a: 2}))
