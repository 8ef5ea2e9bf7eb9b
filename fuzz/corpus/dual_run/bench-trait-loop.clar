;; 100 contract-call?s dispatched through a trait.
(use-trait adder .trait-def.adder)

(define-private (ten (t <adder>) (a0 uint))
  (let (
      (a1 (unwrap-panic (contract-call? t add a0)))
      (a2 (unwrap-panic (contract-call? t add a1)))
      (a3 (unwrap-panic (contract-call? t add a2)))
      (a4 (unwrap-panic (contract-call? t add a3)))
      (a5 (unwrap-panic (contract-call? t add a4)))
      (a6 (unwrap-panic (contract-call? t add a5)))
      (a7 (unwrap-panic (contract-call? t add a6)))
      (a8 (unwrap-panic (contract-call? t add a7)))
      (a9 (unwrap-panic (contract-call? t add a8)))
      (a10 (unwrap-panic (contract-call? t add a9))))
    a10))

(define-public (dispatch (t <adder>))
  (ok (ten t (ten t (ten t (ten t (ten t (ten t (ten t (ten t (ten t (ten t u0))))))))))))
