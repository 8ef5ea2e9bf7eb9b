(define-trait counter
  ((bump (uint) (response uint uint))
   (peek () (response uint uint))))
(define-trait named ((name () (response (string-ascii 10) uint))))
