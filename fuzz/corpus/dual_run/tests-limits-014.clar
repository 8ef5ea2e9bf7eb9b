(define-private (p (x int)) (is-eq (f1 0) 1))
