(define-constant GOOD (/ 4 2))
(define-read-only (good) GOOD)
