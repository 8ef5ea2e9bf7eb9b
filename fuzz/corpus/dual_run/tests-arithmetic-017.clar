(+ u1 u2 {U128_MAX})
