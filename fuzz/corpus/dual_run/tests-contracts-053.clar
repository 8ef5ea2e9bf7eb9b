(define-data-var v uint (- u0 u1))
(define-read-only (get-v) (var-get v))
