(bit-not {a})
