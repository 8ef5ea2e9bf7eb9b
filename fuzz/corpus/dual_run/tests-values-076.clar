(ok "yes")
