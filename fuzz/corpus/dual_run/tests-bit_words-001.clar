(bit-and {a} {b} {c})
