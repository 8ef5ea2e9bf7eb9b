(define-data-var n uint u0) (define-public (bump) (ok (var-set n (+ (var-get n) u1))))
