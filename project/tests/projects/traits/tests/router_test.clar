(define-public (test-adder)
  (ok (asserts! (is-eq (contract-call? .router route-adder u4) (ok u5)) (err u1))))

(define-public (test-doubler)
  (ok (asserts! (is-eq (contract-call? .router route .doubler u4) (ok u8)) (err u2))))

(define-public (test-boot-requirement)
  (ok (asserts! (is-eq (contract-call? .router reward-cycle) u0) (err u3))))
