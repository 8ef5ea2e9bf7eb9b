(define-private (h-step (x int) (acc int)) {h_step})
