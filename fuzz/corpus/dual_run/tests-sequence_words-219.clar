(unwrap-panic (element-at? 0x u0))
