((tuple (k u1) (v (some u"\u{f09f9880}"))) (tuple (k u2) (v none)))
