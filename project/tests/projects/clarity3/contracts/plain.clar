(define-read-only (two) u2)
