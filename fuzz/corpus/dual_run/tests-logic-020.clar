(or false false)
