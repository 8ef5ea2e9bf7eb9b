(default-to {a: 0} (some {a: 1}))
