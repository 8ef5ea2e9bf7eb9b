(sqrti u17)
