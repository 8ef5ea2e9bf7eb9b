(begin {a} {b})
