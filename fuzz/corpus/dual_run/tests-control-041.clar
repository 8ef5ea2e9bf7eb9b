(match (if true (ok (list 1 2)) (err "e")) l (len l) e (len e))
