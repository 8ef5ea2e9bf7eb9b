(is-some (some 1))
