(tuple (l (1 2 3)) (o (some 0x0102)) (r (err "e")) (s "longer"))
