(log2 {I128_MIN})
