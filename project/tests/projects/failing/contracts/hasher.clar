(define-read-only (digest (b (buff 8))) (sha256 b))
