(define-data-var count uint u0)
(define-public (bump) (begin (asserts! (< (var-get count) u100) (err u1)) (var-set count (+ (var-get count) u1)) (ok (var-get count))))
(define-read-only (height) block-height)
