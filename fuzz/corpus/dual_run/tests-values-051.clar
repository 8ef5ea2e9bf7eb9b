(len u"\u{e9}\u{4E2D}")
