(is-eq true true)
