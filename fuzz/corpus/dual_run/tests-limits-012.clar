(define-private (g (x int)) (f1 0))
