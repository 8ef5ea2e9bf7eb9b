(use-trait counter-trait .traits.counter)
(define-public (bump-via (c <counter-trait>) (by uint)) (contract-call? c bump by))
(define-public (which (c <counter-trait>)) (ok (contract-of c)))
