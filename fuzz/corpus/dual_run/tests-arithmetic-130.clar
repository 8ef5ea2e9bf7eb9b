(sqrti {I128_MIN})
