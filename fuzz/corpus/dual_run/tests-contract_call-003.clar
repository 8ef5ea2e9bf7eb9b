(define-public (buy-through-shop (amount uint))
  (contract-call? .shop buy amount))
(define-read-only (who) (contract-call? .shop who))
