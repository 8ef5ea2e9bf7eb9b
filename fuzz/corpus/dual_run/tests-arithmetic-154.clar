(mod (pow 3 5) (+ 7 (sqrti 16)))
