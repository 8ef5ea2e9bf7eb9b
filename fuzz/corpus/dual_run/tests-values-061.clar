(merge {a: 1, b: (list 1)} {c: (some u1)})
