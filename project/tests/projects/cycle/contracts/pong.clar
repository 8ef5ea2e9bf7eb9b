(define-public (pong) (contract-call? .ping done))
