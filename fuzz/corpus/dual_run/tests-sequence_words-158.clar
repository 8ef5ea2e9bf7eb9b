(tuple (at (some u"\u{c3a9}")) (cat u"h\u{c3a9}\u{f09f9880}\u{c3a9}") (idx (some u2)) (max (some u"h\u{c3a9}\u{f09f9880}")) (rep (some u"h\u{c3a9}\u{f09f9880}")) (sl (some u"\u{c3a9}\u{f09f9880}")))
