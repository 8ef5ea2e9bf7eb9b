(define-read-only (case-{i}) {expr})
