(is-eq (some {x: (if true (ok "s") (err u1))}) (some {x: (if false (ok "s") (err u1))}))
