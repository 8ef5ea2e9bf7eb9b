(fold tally (list { k: u1, v: (some 2) } { k: u3, v: none }) { n: u0, s: 0 })
