;; The trait of the trait-dispatch benchmark.
(define-trait adder ((add (uint) (response uint uint))))
