(define-read-only (digest (b (buff 32))) (at-block b block-height))
