(buff-to-int-le (unwrap-panic (slice? 0x00ff01 u1 u3)))
