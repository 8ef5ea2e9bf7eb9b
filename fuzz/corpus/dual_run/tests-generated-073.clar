(define-data-var {n} {} {v})
