(to-int {U128_MAX})
