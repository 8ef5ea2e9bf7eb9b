(define-public (test-read) (ok (asserts! (is-eq (contract-call? .uses-tenure read) (ok u0)) (err u1))))
