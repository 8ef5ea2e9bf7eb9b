(define-public (put-twice (v uint))
  (begin
    (try! (contract-call? .store put v))
    (contract-call? .store put v)))
(define-read-only (total) (contract-call? .store get-value))
