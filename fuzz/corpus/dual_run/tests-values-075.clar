(if true (ok "yes") (err 0x00))
