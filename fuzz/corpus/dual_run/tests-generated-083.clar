(define-public (f {signature})
  (ok {body}))
