;; Data vars and maps: reads, writes, map-insert/map-delete edge cases, and rollback
;; when a public function returns err or fails at runtime after writing.

(define-constant OWNER tx-sender)
(define-constant ERR-FUNDS (err u2))

(define-data-var counter uint u0)
(define-data-var label (string-ascii 20) "start")
(define-data-var last-caller (optional principal) none)
(define-data-var history (list 5 int) (list))
(define-data-var config {paused: bool, fee: uint, tag: (buff 4)} {paused: false, fee: u10, tag: 0x00})
(define-data-var greeting (string-utf8 16) u"hi \u{1F600}")

(define-map balances principal uint)
(define-map records {id: uint, tag: (string-ascii 8)} {owner: principal, amount: int, memo: (optional (buff 4))})
(define-map flags uint bool)

;; Top-level writes run at deployment.
(map-set balances tx-sender u1000)
(map-set flags u0 true)
(var-set counter u1)

;; ---- data vars ----

(define-read-only (get-counter) (var-get counter))
(define-read-only (get-all)
  {counter: (var-get counter), label: (var-get label), last: (var-get last-caller),
   history: (var-get history), config: (var-get config), greeting: (var-get greeting)})

(define-public (increment (by uint))
  (begin
    (var-set counter (+ (var-get counter) by))
    (var-set last-caller (some tx-sender))
    (ok (var-get counter))))

(define-public (set-label (s (string-ascii 20)))
  (ok (var-set label s)))

(define-public (set-short-label)
  (ok (var-set label "x")))

(define-public (push-history (x int))
  (begin
    (var-set history (list x (+ x 1)))
    (ok (var-get history))))

(define-public (set-history-literal)
  (ok (var-set history (list 1 2 3))))

(define-public (pause (fee uint))
  (ok (var-set config (merge (var-get config) {paused: true, fee: fee}))))

(define-public (set-greeting (g (string-utf8 16)))
  (ok (var-set greeting g)))

;; ---- maps ----

(define-read-only (get-balance (who principal)) (map-get? balances who))
(define-read-only (balance-or-zero (who principal)) (default-to u0 (map-get? balances who)))

(define-public (set-balance (who principal) (amount uint))
  (ok (map-set balances who amount)))

(define-public (insert-balance (who principal) (amount uint))
  (ok (map-insert balances who amount)))

(define-public (delete-balance (who principal))
  (ok (map-delete balances who)))

(define-public (transfer (to principal) (amount uint))
  (let ((from-bal (default-to u0 (map-get? balances tx-sender))))
    (asserts! (>= from-bal amount) ERR-FUNDS)
    (map-set balances tx-sender (- from-bal amount))
    (map-set balances to (+ (default-to u0 (map-get? balances to)) amount))
    (ok true)))

(define-public (put-record (id uint) (tag (string-ascii 8)) (amount int) (memo (optional (buff 4))))
  (ok (map-set records {id: id, tag: tag} {owner: tx-sender, amount: amount, memo: memo})))

(define-public (insert-record (id uint) (tag (string-ascii 8)) (amount int))
  (ok (map-insert records {id: id, tag: tag} {owner: tx-sender, amount: amount, memo: none})))

(define-public (delete-record (id uint) (tag (string-ascii 8)))
  (ok (map-delete records {id: id, tag: tag})))

(define-read-only (get-record (id uint) (tag (string-ascii 8)))
  (map-get? records {id: id, tag: tag}))

(define-read-only (record-amount (id uint) (tag (string-ascii 8)))
  (match (map-get? records (tuple (id id) (tag tag))) r (get amount r) 0))

(define-read-only (get-flag (k uint)) (map-get? flags k))

(define-public (toggle (k uint))
  (let ((now (default-to false (map-get? flags k))))
    (map-set flags k (not now))
    (ok (not now))))

;; ---- rollback ----

;; Writes, then returns err: every write is rolled back.
(define-public (increment-then-fail (by uint))
  (begin
    (var-set counter (+ (var-get counter) by))
    (var-set label "failed")
    (map-set balances tx-sender by)
    (map-delete flags u0)
    (print "not kept")
    (err u1)))

;; Writes, then fails at runtime: every write is rolled back.
(define-public (increment-then-panic (by uint))
  (begin
    (var-set counter (+ (var-get counter) by))
    (map-set balances tx-sender by)
    (map-insert records {id: u99, tag: "panic"} {owner: tx-sender, amount: 1, memo: none})
    (ok (/ by u0))))

;; Writes, then fails with an overflow.
(define-public (overflow-after-write)
  (begin
    (var-set counter u5)
    (ok (+ (var-get counter) u340282366920938463463374607431768211455))))

;; Writes, then fails an assertion.
(define-public (assert-after-write (ok-flag bool))
  (begin
    (var-set label "asserted")
    (asserts! ok-flag (err u3))
    (ok (var-get label))))

;; A public function calling another public function of the same contract: the inner
;; call is its own transaction, rolled back when it returns err, while the outer one
;; goes on and commits its own writes.
(define-public (inner-fails)
  (begin
    (var-set label "inner")
    (print "inner")
    (if true (err u7) (ok u0))))

(define-public (outer-recovers)
  (begin
    (var-set counter u42)
    (print "outer")
    (match (inner-fails) v (ok v) e (if true (ok e) (err u0)))))

;; A short return of an ok value commits the writes made before it.
(define-public (short-return-ok)
  (begin
    (var-set counter u77)
    (asserts! false (ok u1))
    (ok u2)))

(define-public (unwrap-short-return-ok (o (optional uint)))
  (begin
    (var-set label "unwrapped")
    (ok (+ (unwrap! o (ok u0)) u1))))
