(define-public (test-digest)
  (ok (asserts! (is-eq (contract-call? .hasher digest (list 1 2 3)) 6) (err u1))))
