({op} {a} {b})
