(use-trait math .math-trait.math-trait)
(define-public (route (m <math>) (n uint)) (contract-call? m apply n))
;; A principal passed where a trait is expected: a dependency on the adder.
(define-public (route-adder (n uint)) (route .adder n))
(define-read-only (reward-cycle) (contract-call? 'ST000000000000000000002AMW42H.pox-3 current-pox-reward-cycle))
