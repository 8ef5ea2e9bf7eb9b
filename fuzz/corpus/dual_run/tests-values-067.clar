(get a (if false (some {a: 1}) none))
