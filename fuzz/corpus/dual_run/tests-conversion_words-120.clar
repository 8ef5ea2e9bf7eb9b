(tuple (ibe {}) (ile {}) (ube u{}) (ule u{}))
