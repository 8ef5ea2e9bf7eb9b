(define-map m uint uint)
(define-private (read-one (x uint) (acc uint))
  (+ acc (default-to u0 (map-get? m x))))
(define-private (read-many (x uint) (acc uint))
  (fold read-one (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10 u11 u12 u13 u14 u15 u16
                       u17 u18 u19 u20 u21 u22 u23 u24 u25 u26 u27 u28 u29 u30 u31 u32) acc))
(define-private (read-more (x uint) (acc uint))
  (fold read-many (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10 u11 u12 u13 u14 u15 u16
                        u17 u18 u19 u20 u21 u22 u23 u24 u25 u26 u27 u28 u29 u30 u31 u32) acc))
(define-read-only (go)
  (fold read-more (list u1 u2 u3 u4 u5 u6 u7 u8 u9 u10 u11 u12 u13 u14 u15 u16) u0))
