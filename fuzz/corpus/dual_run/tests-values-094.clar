(is-eq true false)
