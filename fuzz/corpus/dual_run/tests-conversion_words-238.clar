(principal-destruct? (unwrap-panic (from-consensus-buff? principal 0x0520{HASH})))
