;; @mine-blocks-before 2
(define-public (test-digest)
  (ok (asserts! (is-eq (contract-call? .hasher digest (unwrap-panic (get-block-info? id-header-hash u0))) u0) (err u1))))
