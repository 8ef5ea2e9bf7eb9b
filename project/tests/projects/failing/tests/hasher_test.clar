(define-public (test-digest)
  (ok (asserts! (is-eq (len (contract-call? .hasher digest 0x00)) u32) (err u1))))
