;; Unit tests of the {{name}} contract, run by `clarinet-wasm test`.
;;
;; Every public function whose name starts with `test-` is a test: it passes when it
;; returns (ok ...) and fails when it returns (err ...). Each test starts from the
;; state right after deployment, so tests cannot disturb one another.
;;
;; `prepare`, when defined, runs (as the deployer) before every test that is not
;; marked @no-prepare. Annotations in the comment lines right above a test:
;;   @name <text>             the name the report shows
;;   @caller <account>        who calls the test: a settings/Devnet.toml account or a principal
;;   @mine-blocks-before <n>  mine n blocks first
;;   @no-prepare              skip `prepare`

(define-public (prepare)
  (begin
    (try! (contract-call? .{{name}} claim u10))
    (ok true)))

;; @name a claim adds to the board and to the total
(define-public (test-claim)
  (let ((points (try! (contract-call? .{{name}} claim u5))))
    (asserts! (is-eq points u15) (err points))
    (asserts! (is-eq (contract-call? .{{name}} get-points tx-sender) u15) (err u1))
    (asserts! (is-eq (contract-call? .{{name}} get-total) u15) (err u2))
    (ok true)))

;; @name a claim of zero points is refused
(define-public (test-zero-claim)
  (match (contract-call? .{{name}} claim u0)
    points (err u1)
    code (if (is-eq code u100) (ok true) (err code))))

;; @name a claim above the maximum is refused and changes nothing
(define-public (test-claim-too-large)
  (begin
    (asserts! (is-eq (contract-call? .{{name}} claim u51) (err u101)) (err u1))
    (asserts! (is-eq (contract-call? .{{name}} get-total) u10) (err u2))
    (ok true)))

;; @name boards are per account
;; @caller wallet_1
;; @no-prepare
(define-public (test-boards-per-account)
  (begin
    (asserts! (is-eq (contract-call? .{{name}} get-points tx-sender) u0) (err u1))
    (asserts! (is-eq (contract-call? .{{name}} get-last-claim tx-sender) (err u404)) (err u2))
    (try! (contract-call? .{{name}} claim u7))
    (asserts! (is-eq (contract-call? .{{name}} get-points tx-sender) u7) (err u3))
    (asserts! (is-eq (contract-call? .{{name}} get-total) u7) (err u4))
    (ok true)))

;; @name the deployer can clear a board
(define-public (test-clear)
  (begin
    (asserts! (is-eq (contract-call? .{{name}} clear tx-sender) (ok u10)) (err u1))
    (asserts! (is-eq (contract-call? .{{name}} get-points tx-sender) u0) (err u2))
    (asserts! (is-eq (contract-call? .{{name}} get-total) u0) (err u3))
    (ok true)))

;; @name only the deployer may clear a board
;; @caller wallet_2
(define-public (test-clear-not-owner)
  (match (contract-call? .{{name}} clear tx-sender)
    points (err u1)
    code (if (is-eq code u102) (ok true) (err code))))

;; @name a claim remembers its block
;; @mine-blocks-before 10
;; @no-prepare
(define-public (test-last-claim)
  (begin
    (try! (contract-call? .{{name}} claim u1))
    (asserts! (is-eq (contract-call? .{{name}} get-last-claim tx-sender) (ok block-height)) (err u1))
    (asserts! (>= block-height u10) (err block-height))
    (ok true)))
