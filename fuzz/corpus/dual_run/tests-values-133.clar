(is-eq (some {x: (ok "s")}) (some {x: (ok "s")}))
