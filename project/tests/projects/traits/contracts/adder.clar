(impl-trait .math-trait.math-trait)
(define-public (apply (n uint)) (ok (+ n u1)))
