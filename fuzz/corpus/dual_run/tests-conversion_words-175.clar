(some {U128_MAX})
