(define-public (go) (ok {use_it}))
