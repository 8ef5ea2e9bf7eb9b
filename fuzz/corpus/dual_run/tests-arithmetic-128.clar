(log2 {U128_MAX})
