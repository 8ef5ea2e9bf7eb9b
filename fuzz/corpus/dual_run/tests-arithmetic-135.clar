(xor 5 3)
