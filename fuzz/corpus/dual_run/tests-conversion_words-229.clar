(unwrap-panic (from-consensus-buff? principal 0x{bytes}))
