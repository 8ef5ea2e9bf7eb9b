(ok (tuple (lets (tuple (a 4) (b 5) (c (4 5)))) (seq 6)))
