(replace-at? (unwrap-panic (slice? (list "abcdef" "g" "h") u1 u3)) u0 "xyz")
