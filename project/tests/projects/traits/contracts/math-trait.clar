(define-trait math-trait
  ((apply (uint) (response uint uint))))
