(tuple (both (tuple (ok false) (r (err u2)))) (inc (tuple (i 42) (n u3) (u u42))) (picked {DEPLOYER}) (wrapped (some u"\u{{f09f9880}}")))
