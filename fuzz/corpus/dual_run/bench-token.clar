;; A fungible token: the deployer holds the supply; each call transfers one unit.
(define-fungible-token token)

(ft-mint? token u1000000000000 tx-sender)

(define-public (transfer (amount uint) (to principal))
  (ft-transfer? token amount tx-sender to))

(define-read-only (balance-of (who principal))
  (ft-get-balance token who))
