(+ {U128_MAX} u1)
