(tuple (e "bad") (ok false) (v 0))
