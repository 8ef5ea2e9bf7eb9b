(sqrti 15)
