(is-none none)
