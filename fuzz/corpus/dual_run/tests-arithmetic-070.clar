(mod {I128_MIN} 7)
