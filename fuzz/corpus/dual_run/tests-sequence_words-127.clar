(concat (append (list "a") "bb") (unwrap-panic (slice? (list "ccc" "dddd") u0 u1)))
