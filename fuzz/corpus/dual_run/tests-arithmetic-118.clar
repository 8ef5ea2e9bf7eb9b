(sqrti u0)
