(define-private (f{i} (x int)) (f{} x))
