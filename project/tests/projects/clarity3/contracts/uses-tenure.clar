(define-public (read) (ok (contract-call? .tenure tenure)))
