(get a (some {a: 1}))
