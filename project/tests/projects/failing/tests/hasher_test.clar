(define-public (test-digest)
  (ok (asserts! (is-none (contract-call? .hasher digest 0x00)) (err u1))))
