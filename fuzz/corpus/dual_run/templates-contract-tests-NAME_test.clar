;; Unit tests of the {{name}} contract: each public `test-*` function is a test that
;; passes when it returns (ok ...). See `clarinet-wasm test --help`.

;; @name get-answer answers 42
(define-public (test-get-answer)
  (begin
    (asserts! (is-eq (contract-call? .{{name}} get-answer) u42) (err u1))
    (ok true)))
