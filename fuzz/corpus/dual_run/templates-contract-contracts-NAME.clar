;; {{name}}: a new contract. Its tests are in tests/{{name}}_test.clar.

(define-read-only (get-answer)
  u42)
