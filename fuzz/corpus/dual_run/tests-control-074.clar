(err -1)
