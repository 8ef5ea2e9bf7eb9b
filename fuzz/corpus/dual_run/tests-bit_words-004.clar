(xor {a} {b})
