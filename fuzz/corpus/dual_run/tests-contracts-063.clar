(define-public (half (x uint)) (ok (/ x u2)))
