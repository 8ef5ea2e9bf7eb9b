(append (unwrap-panic (slice? (list "aaaaaa" "b" "c") u1 u3)) "dddddddd")
