(tuple (both (tuple (ok true) (r (ok 1)))) (inc (tuple (i 42) (n u3) (u u42))) (picked {WALLET_1}) (wrapped (some u"\u{{f09f9880}}")))
