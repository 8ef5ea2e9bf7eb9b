(define-data-var n int 5)
(print {deployed: true, n: (var-get n)})
(var-set n 6)
(define-read-only (get-n) (var-get n))
