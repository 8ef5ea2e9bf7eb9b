(define-constant payee 'ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG)

(define-public (fund (amount uint))
  (stx-transfer? amount tx-sender (as-contract tx-sender)))

;; Each leaves its `as-contract` body early, out of the function.
(define-private (by-asserts)
  (as-contract (begin (asserts! false (err u1)) (ok u0))))
(define-private (by-unwrap)
  (as-contract (ok (unwrap! (get-none) (err u2)))))
(define-private (by-unwrap-err)
  (as-contract (ok (unwrap-err! (get-ok) (err u3)))))
(define-private (by-try)
  (as-contract (ok (try! (get-err)))))
(define-private (normally)
  (as-contract (ok (stx-get-balance tx-sender))))
(define-private (get-none) (if true none (some u1)))
(define-private (get-ok) (if true (ok u1) (err u1)))
(define-private (get-err) (if true (err u4) (ok u1)))

;; After the early exit, a transfer from tx-sender: the caller's money.
(define-public (pay-after (how (string-ascii 12)))
  (begin
    (if (is-eq how "asserts") (unwrap-err! (by-asserts) (err u90)) u0)
    (if (is-eq how "unwrap") (unwrap-err! (by-unwrap) (err u91)) u0)
    (if (is-eq how "unwrap-err") (unwrap-err! (by-unwrap-err) (err u92)) u0)
    (if (is-eq how "try") (unwrap-err! (by-try) (err u93)) u0)
    (if (is-eq how "normal") (unwrap-panic (normally)) u0)
    (asserts! (is-eq tx-sender contract-caller) (err u98))
    (stx-transfer? u7 tx-sender payee)))

;; A runtime error inside `as-contract` ends the transaction.
(define-public (fail-inside)
  (as-contract (begin (unwrap-panic (get-none)) (ok true))))

(define-read-only (whoami) tx-sender)
