(sqrti {U128_MAX})
