(is-standard {p})
