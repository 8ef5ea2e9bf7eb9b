(sqrti 16)
