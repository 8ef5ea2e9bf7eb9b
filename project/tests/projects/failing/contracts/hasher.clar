(define-read-only (digest (b (buff 40))) (from-consensus-buff? int b))
