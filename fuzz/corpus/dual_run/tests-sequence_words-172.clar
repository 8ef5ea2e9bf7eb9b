(define-read-only (arg-append (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (append l s))
(define-read-only (at (l (list 10 (string-ascii 10))) (i uint)) (element-at l i))
(define-read-only (find (l (list 10 (string-ascii 10))) (s (string-ascii 10))) (index-of l s))
