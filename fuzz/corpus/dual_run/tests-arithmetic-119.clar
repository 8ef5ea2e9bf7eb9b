(sqrti u99)
