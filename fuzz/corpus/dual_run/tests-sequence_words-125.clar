(let ((l (unwrap-panic (slice? (list "aaaa" "b") u1 u2)))) (replace-at? (append l "ccc") u1 "d"))
