(tuple (e "") (ok true) (v 5))
