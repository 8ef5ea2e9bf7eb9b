(log2 {I128_MAX})
