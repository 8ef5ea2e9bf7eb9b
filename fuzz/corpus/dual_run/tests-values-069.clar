(merge {z: (print u1)} {a: (print u2)})
