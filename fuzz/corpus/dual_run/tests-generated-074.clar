(define-map m uint {})
