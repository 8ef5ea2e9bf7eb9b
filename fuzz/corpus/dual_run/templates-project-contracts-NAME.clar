;; {{name}}: a points board. Anyone can claim a few points at a time; the board keeps a
;; running total and, for each account, its points and the block of its last claim.
;; Edit it freely, and keep tests/{{name}}_test.clar in step with it.

(define-constant contract-owner tx-sender)

;; Error codes: the (err ...) values the public functions return.
(define-constant err-zero-points (err u100))
(define-constant err-too-many-points (err u101))
(define-constant err-not-owner (err u102))

;; The most points one claim may add.
(define-constant max-claim u50)

(define-data-var total-points uint u0)
(define-map boards principal { points: uint, last-claim: uint })

(define-private (board-of (who principal))
  (default-to { points: u0, last-claim: u0 } (map-get? boards who)))

;; Add `amount` points to the caller's board; returns the caller's new balance.
(define-public (claim (amount uint))
  (let ((board (board-of tx-sender))
        (points (+ (get points board) amount)))
    (asserts! (> amount u0) err-zero-points)
    (asserts! (<= amount max-claim) err-too-many-points)
    (map-set boards tx-sender (merge board { points: points, last-claim: block-height }))
    (var-set total-points (+ (var-get total-points) amount))
    (print { event: "claim", who: tx-sender, amount: amount })
    (ok points)))

;; Wipe an account's board; only the deployer may.
(define-public (clear (who principal))
  (let ((board (board-of who)))
    (asserts! (is-eq tx-sender contract-owner) err-not-owner)
    (map-delete boards who)
    (var-set total-points (- (var-get total-points) (get points board)))
    (ok (get points board))))

(define-read-only (get-points (who principal))
  (get points (board-of who)))

(define-read-only (get-last-claim (who principal))
  (match (map-get? boards who)
    board (ok (get last-claim board))
    (err u404)))

(define-read-only (get-total)
  (var-get total-points))
