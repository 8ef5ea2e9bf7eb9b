(bit-or {a} {b})
