(sqrti -1)
