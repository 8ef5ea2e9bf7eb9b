(ok false)
