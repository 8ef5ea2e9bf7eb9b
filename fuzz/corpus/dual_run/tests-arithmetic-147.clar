(to-uint {I128_MAX})
