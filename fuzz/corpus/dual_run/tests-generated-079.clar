(define-read-only (ro-int (x int)) {ro_int})
