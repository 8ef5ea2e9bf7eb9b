(ok (tuple (b true) (bf 0x0102) (i -1) (l (u1 u2)) (n u2) (o (some u3)) (p {WALLET_1}) (s "abc") (t (tuple (x 5))) (u u9) (w u"\u{{f09f9880}}")))
