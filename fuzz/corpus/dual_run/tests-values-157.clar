(merge {a: (some 1)} {a: none})
