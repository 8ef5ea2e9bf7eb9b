(ok "asserted")
