;; Unit tests of the counter.

(define-public (test-increment)
  (begin
    (unwrap! (contract-call? .counter increment) (err u1))
    (asserts! (is-eq (contract-call? .counter get-total) u1) (err u2))
    (ok true)))

;; @name increment-by adds the step
(define-public (test-increment-by)
  (let ((total (try! (contract-call? .counter increment-by u7))))
    (asserts! (is-eq total u7) (err total))
    (ok true)))

;; @name a too large step is refused
(define-public (test-step-too-large)
  (match (contract-call? .counter increment-by u5000)
    ok-value (err u1)
    err-value (if (is-eq err-value u101) (ok true) (err err-value))))

;; @name only the owner may reset
;; @caller wallet_1
(define-public (test-reset-not-owner)
  (match (contract-call? .counter reset)
    ok-value (err u1)
    err-value (ok (asserts! (is-eq err-value u100) (err u2)))))

;; @name tallies are per caller
;; @caller wallet_2
(define-public (test-tally)
  (begin
    (try! (contract-call? .counter increment-by u3))
    (asserts! (is-eq (contract-call? .counter get-tally tx-sender) (ok u3)) (err u1))
    (asserts! (is-eq (contract-call? .counter get-tally 'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5) (err u404)) (err u2))
    (ok true)))

;; @name block height moves with mined blocks
;; @mine-blocks-before 5
(define-public (test-blocks)
  (begin
    (asserts! (>= block-height u5) (err block-height))
    (ok true)))
