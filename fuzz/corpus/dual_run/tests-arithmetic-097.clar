(pow 1 {I128_MAX})
