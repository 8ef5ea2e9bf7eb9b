(define-read-only (div (a int) (b int)) (/ a b))
(define-read-only (add (a int) (b int)) (+ a b))
