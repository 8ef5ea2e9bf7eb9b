(define-constant BAD (/ 1 0))
