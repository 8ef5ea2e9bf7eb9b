(is-eq {a: (list 1 2), b: (some "x")} {a: (list 1 2), b: (some "x")})
