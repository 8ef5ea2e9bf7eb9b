(define-read-only (all (b (buff 16)))
  {ile: (buff-to-int-le b), ibe: (buff-to-int-be b), ule: (buff-to-uint-le b), ube: (buff-to-uint-be b)})
