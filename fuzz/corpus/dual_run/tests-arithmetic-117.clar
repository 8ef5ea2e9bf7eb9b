(sqrti {I128_MAX})
