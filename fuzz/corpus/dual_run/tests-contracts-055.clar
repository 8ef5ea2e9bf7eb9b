(define-read-only (f) (+ 1 u1))
