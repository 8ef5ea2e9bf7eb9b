(err "bad")
