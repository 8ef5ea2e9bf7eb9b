(err "e")
