(to-uint {I128_MIN})
