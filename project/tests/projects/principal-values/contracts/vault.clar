;; Names the registry by principal value: (a cycle by value, which is fine).
(define-constant REGISTRY 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.registry)
(define-map owners principal bool)
(map-set owners 'ST1PQHQKV0RJXZFY1DGX8MNSNYVE3VGZJSRTPGZGM.registry true)
(define-read-only (registry) REGISTRY)
(define-read-only (is-owner (who principal)) (default-to false (map-get? owners who)))
