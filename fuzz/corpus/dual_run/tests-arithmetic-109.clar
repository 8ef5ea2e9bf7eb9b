(pow 2 {I128_MIN})
