(define-data-var v int 1)
(var-set v 2)
(unwrap-panic (if true none (some 1)))
