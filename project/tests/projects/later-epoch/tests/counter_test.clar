(define-public (test-bump)
  (begin
    (try! (contract-call? .counter bump))
    (ok (asserts! (is-eq (contract-call? .meter measure) (ok u2)) (err u1)))))
