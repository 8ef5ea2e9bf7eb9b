(define-public (prepare)
  (contract-call? .store put u1))

(define-public (test-prepare-ran)
  (ok (asserts! (is-eq (contract-call? .store get-value) u1) (err (contract-call? .store get-value)))))

;; @no-prepare
(define-public (test-no-prepare)
  (ok (asserts! (is-eq (contract-call? .store get-value) u0) (err u1))))

;; @name twice through the front
(define-public (test-front)
  (begin
    (try! (contract-call? .front put-twice u5))
    (ok (asserts! (is-eq (contract-call? .front total) u11) (err u1)))))

;; @name caller by account name
;; @caller wallet_1
(define-public (test-caller-name)
  (begin
    (try! (contract-call? .store put u7))
    (ok (asserts! (is-eq (contract-call? .store owner-of u7) (some 'ST1SJ3DTE5DN7X54YDH5D64R3BCB6A2AG2ZQ8YPD5)) (err u1)))))

;; @name caller by principal
;; @caller ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG
(define-public (test-caller-principal)
  (ok (asserts! (is-eq tx-sender 'ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG) (err u1))))

;; @mine-blocks-before 10
(define-public (test-mined)
  (ok (asserts! (>= block-height u10) (err block-height))))

(define-public (not-a-test) (err u1))
