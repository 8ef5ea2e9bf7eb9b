(define-private (f{n} (x int)) (+ x 1))
