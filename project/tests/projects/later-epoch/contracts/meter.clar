(define-public (measure) (contract-call? .counter bump))
