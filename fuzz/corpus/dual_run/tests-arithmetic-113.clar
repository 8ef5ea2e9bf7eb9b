(sqrti 0)
