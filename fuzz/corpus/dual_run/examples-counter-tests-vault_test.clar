;; Unit tests of the vault and the points it awards.

(define-public (prepare)
  (begin
    (try! (contract-call? .vault init))
    (ok true)))

;; @name a deposit counts and earns points
(define-public (test-deposit)
  (begin
    (asserts! (is-eq (try! (contract-call? .vault deposit u100)) u10) (err u1))
    (asserts! (is-eq (contract-call? .points balance-of tx-sender) u10) (err u2))
    (asserts! (is-eq (contract-call? .counter get-total) u1) (err u3))
    (asserts! (is-eq (contract-call? .vault deposit-of tx-sender) (some { amount: u100, count: u1 })) (err u4))
    (ok true)))

;; @name a zero deposit is refused and changes nothing
(define-public (test-zero-deposit)
  (begin
    (asserts! (is-eq (contract-call? .vault deposit u0) (err u1)) (err u100))
    (asserts! (is-none (contract-call? .vault deposit-of tx-sender)) (err u101))
    (ok true)))

;; @name points cannot be awarded directly
(define-public (test-award-unauthorized)
  (ok (asserts! (is-eq (contract-call? .points award tx-sender u5) (err u401)) (err u1))))

;; @name redeeming more than the balance fails
;; @caller wallet_3
(define-public (test-redeem-too-much)
  (begin
    (try! (contract-call? .vault deposit u50))
    (asserts! (is-eq (contract-call? .vault redeem u6) (err u402)) (err u1))
    (asserts! (is-eq (contract-call? .vault redeem u5) (ok u0)) (err u2))
    (ok true)))

;; @name without prepare the vault is not authorized
;; @no-prepare
(define-public (test-no-prepare)
  (ok (asserts! (is-eq (contract-call? .vault deposit u100) (err u401)) (err u1))))
