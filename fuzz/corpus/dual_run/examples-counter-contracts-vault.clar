;; A vault: deposits are counted, and each deposit earns points.

(define-constant err-zero (err u1))
(define-constant err-locked (err u2))

(define-data-var locked bool false)
(define-map deposits principal { amount: uint, count: uint })

(define-public (init)
  (contract-call? .points set-authorized (as-principal)))

(define-private (as-principal) .vault)

(define-public (deposit (amount uint))
  (let ((prev (default-to { amount: u0, count: u0 } (map-get? deposits tx-sender))))
    (asserts! (> amount u0) err-zero)
    (asserts! (not (var-get locked)) err-locked)
    (map-set deposits tx-sender { amount: (+ (get amount prev) amount), count: (+ (get count prev) u1) })
    (try! (contract-call? .counter increment))
    (contract-call? .points award tx-sender (/ amount u10))))

(define-public (redeem (amount uint))
  (contract-call? .points spend tx-sender amount))

(define-public (lock)
  (ok (var-set locked true)))

(define-read-only (deposit-of (who principal))
  (map-get? deposits who))
