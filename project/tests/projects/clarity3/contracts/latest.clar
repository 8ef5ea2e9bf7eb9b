(define-read-only (one) u1)
