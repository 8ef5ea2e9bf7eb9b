(principal-destruct? (unwrap-panic (from-consensus-buff? principal 0x061a{HASH}80{})))
