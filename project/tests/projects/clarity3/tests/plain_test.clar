(define-public (test-two) (ok (asserts! (is-eq (contract-call? .plain two) u2) (err u1))))
