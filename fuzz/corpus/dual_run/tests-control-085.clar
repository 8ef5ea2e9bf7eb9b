(tuple (err true) (none true) (ok false) (some false))
