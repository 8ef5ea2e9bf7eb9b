(define-data-var n uint u100)
(define-public (bump (by uint)) (begin (var-set n (- (var-get n) by)) (ok (var-get n))))
(define-public (peek) (ok (var-get n)))
(define-public (name) (ok "implicit"))
