(asserts! (is-eq 1 2) false)
