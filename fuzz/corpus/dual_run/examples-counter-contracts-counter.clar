;; A counter with per-caller tallies, an owner, and failing paths.

(define-constant contract-owner tx-sender)
(define-constant err-not-owner (err u100))
(define-constant err-too-large (err u101))
(define-constant max-step u1000)

(define-data-var total uint u0)
(define-map tallies principal { count: uint, last-step: uint })

(define-private (bump (who principal) (step uint))
  (let ((prev (default-to { count: u0, last-step: u0 } (map-get? tallies who))))
    (map-set tallies who { count: (+ (get count prev) step), last-step: step })
    (+ (get count prev) step)))

(define-public (increment-by (step uint))
  (begin
    (asserts! (<= step max-step) err-too-large)
    (var-set total (+ (var-get total) step))
    (print { event: "increment", who: tx-sender, step: step })
    (ok (bump tx-sender step))))

(define-public (increment)
  (increment-by u1))

(define-public (reset)
  (begin
    (asserts! (is-eq tx-sender contract-owner) err-not-owner)
    (var-set total u0)
    (ok true)))

(define-read-only (get-total)
  (var-get total))

(define-read-only (get-tally (who principal))
  (match (map-get? tallies who)
    tally (ok (get count tally))
    (err u404)))
