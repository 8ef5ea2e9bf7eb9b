(define-read-only (a (s (string-ascii 50))) {i: (string-to-int? s), u: (string-to-uint? s)})
(define-read-only (u (s (string-utf8 50))) {i: (string-to-int? s), u: (string-to-uint? s)})
