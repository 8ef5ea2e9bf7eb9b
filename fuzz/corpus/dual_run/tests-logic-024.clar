(or false false false true)
