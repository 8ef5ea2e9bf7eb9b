(int-to-utf8 {I128_MAX})
