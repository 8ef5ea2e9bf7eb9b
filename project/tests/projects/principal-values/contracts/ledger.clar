(define-data-var total uint u0)
(define-public (add (amount uint))
  (begin
    (asserts! (> amount u0) (err u1))
    (var-set total (+ (var-get total) amount))
    (ok (var-get total))))
(define-read-only (get-total) (var-get total))
