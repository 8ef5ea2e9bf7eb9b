(buff-to-uint-le (unwrap-panic (as-max-len? (unwrap-panic (slice? (sha256 0x) u0 u1)) u16)))
