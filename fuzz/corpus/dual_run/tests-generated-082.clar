(define-public (f {})
  (ok {body}))
