(define-read-only (digest (b (list 8 int))) (fold + b 0))
