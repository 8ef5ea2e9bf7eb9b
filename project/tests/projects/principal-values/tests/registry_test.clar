(define-public (test-values)
  (begin
    (asserts! (is-eq (contract-call? .registry vault) 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.vault) (err u1))
    (asserts! (is-eq (contract-call? .vault registry) 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.registry) (err u2))
    (asserts! (contract-call? .vault is-owner 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.registry) (err u3))
    (ok true)))

(define-public (test-record)
  (begin
    (try! (contract-call? .registry record u5))
    (ok (asserts! (is-eq (contract-call? .ledger get-total) u5) (err u4)))))
