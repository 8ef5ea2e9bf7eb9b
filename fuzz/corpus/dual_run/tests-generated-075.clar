(define-private (h-int (x int)) {h_int})
