;; An implementation of the benchmark's trait.
(impl-trait .trait-def.adder)
(define-public (add (x uint)) (ok (+ x u1)))
