(mod {I128_MIN} -1)
