(use-trait math .math-trait.math-trait)
(define-public (route (m <math>) (n uint)) (contract-call? m apply n))
;; A principal passed where a trait is expected: a dependency on the adder.
(define-public (route-adder (n uint)) (route .adder n))
