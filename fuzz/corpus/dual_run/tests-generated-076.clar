(define-private (h-bool (x int)) {h_bool})
