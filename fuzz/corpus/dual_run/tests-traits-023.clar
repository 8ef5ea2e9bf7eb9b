(ok "implicit")
