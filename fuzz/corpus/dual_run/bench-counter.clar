;; The tiny calls: a counter increment (a public function that reads and writes a data
;; var) and a read-only getter.
(define-data-var count uint u0)

(define-public (increment)
  (begin
    (var-set count (+ (var-get count) u1))
    (ok (var-get count))))

(define-read-only (get-count)
  (var-get count))
