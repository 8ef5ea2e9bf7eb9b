(sqrti 1)
