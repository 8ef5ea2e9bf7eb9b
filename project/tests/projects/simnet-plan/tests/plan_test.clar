(define-public (test-call-in-plan-ran)
  (ok (asserts! (is-eq (contract-call? .old-counter get-count) u3) (err (contract-call? .old-counter get-count)))))

(define-public (test-transfer-in-plan-ran)
  (ok (asserts! (is-eq (stx-get-balance 'ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG) u6000) (err (stx-get-balance 'ST2CY5V39NHDPWSXMW9QDT3HC3GD6Q6XX4CFRK9AG)))))

;; three batches, one block each
(define-public (test-blocks)
  (ok (asserts! (>= block-height u3) (err block-height))))
