(is-eq {a: (list (some 1))} {a: (list (some 1))})
