(let ((l (list "a" "b"))) (append (unwrap-panic (as-max-len? l u5)) "cccc"))
