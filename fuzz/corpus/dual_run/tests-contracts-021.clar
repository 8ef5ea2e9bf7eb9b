(err "not positive")
