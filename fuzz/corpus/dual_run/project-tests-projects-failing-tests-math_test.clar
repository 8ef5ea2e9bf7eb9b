(define-public (test-add)
  (ok (asserts! (is-eq (contract-call? .math add 2 3) 5) (err u1))))

;; @name a failing assertion
(define-public (test-wrong)
  (ok (asserts! (is-eq (contract-call? .math add 2 3) 6) (err u42))))

;; @name a runtime error
(define-public (test-division)
  (ok (contract-call? .math div 1 0)))

;; @frobnicate
(define-public (test-bad-annotation)
  (ok true))
