(define-private (h2 (x int) (acc int)) (+ acc (f1 0)))
