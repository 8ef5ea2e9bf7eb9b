(bit-xor {a} {b} {c})
