(define-read-only (add (a int)) (+ a a))
