(define-data-var count uint u0)
(define-public (increment (by uint)) (begin (var-set count (+ (var-get count) by)) (ok (var-get count))))
(define-read-only (get-count) (var-get count))
