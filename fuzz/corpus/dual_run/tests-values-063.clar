(get c (merge {a: 1} {c: 0x01}))
