(some {I128_MIN})
