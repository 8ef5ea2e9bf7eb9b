(xor {I128_MAX} -1)
