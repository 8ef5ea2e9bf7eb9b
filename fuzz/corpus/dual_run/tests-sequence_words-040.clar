(index-of? (unwrap-panic (slice? (list "abc" "d" "e") u1 u3)) "e")
