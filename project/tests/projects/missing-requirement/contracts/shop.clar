(define-read-only (nothing) u0)
