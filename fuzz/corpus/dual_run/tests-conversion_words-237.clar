(is-standard (unwrap-panic (from-consensus-buff? principal 0x05ff{HASH})))
