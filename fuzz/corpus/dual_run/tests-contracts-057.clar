(define-read-only (f) (list .a .b .c .d .e .f))
(define-read-only (g (flag bool)) (if flag .x .y))
