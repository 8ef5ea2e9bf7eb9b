(is-eq none none)
