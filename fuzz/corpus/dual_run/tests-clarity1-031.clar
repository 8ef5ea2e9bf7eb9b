(define-data-var n uint u0)
               (define-public (bump) (begin (var-set n (+ (var-get n) u1)) (ok (var-get n))))
               (define-read-only (who) {sender: tx-sender, height: block-height})
