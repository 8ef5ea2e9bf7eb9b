;; A points ledger: only the vault may award or spend points.

(define-constant err-unauthorized (err u401))
(define-constant err-insufficient (err u402))

(define-data-var authorized (optional principal) none)
(define-data-var total-points uint u0)
(define-map points principal uint)

(define-public (set-authorized (who principal))
  (begin
    (asserts! (is-none (var-get authorized)) err-unauthorized)
    (ok (var-set authorized (some who)))))

(define-public (award (who principal) (amount uint))
  (begin
    (asserts! (is-eq (some contract-caller) (var-get authorized)) err-unauthorized)
    (map-set points who (+ (balance-of who) amount))
    (var-set total-points (+ (var-get total-points) amount))
    (print { event: "award", who: who, amount: amount })
    (ok amount)))

(define-public (spend (who principal) (amount uint))
  (let ((balance (balance-of who)))
    (asserts! (is-eq (some contract-caller) (var-get authorized)) err-unauthorized)
    (asserts! (>= balance amount) err-insufficient)
    (map-set points who (- balance amount))
    (var-set total-points (- (var-get total-points) amount))
    (ok (- balance amount))))

(define-read-only (balance-of (who principal))
  (default-to u0 (map-get? points who)))

(define-read-only (get-total-points)
  (var-get total-points))
