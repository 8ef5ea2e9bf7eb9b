(define-read-only (tenure) tenure-height)
(define-read-only (stacks-height) stacks-block-height)
