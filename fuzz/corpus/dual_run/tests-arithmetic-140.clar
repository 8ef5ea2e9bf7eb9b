(xor u5 u3)
