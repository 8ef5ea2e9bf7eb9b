(tuple (err false) (none false) (ok true) (some true))
