(define-public (ping) (contract-call? .pong pong))
(define-public (done) (ok true))
