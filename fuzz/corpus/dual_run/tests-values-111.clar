(is-eq none (some 1))
