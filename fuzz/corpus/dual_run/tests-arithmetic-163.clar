(- {I128_MIN} 1 (pow 2 -1))
