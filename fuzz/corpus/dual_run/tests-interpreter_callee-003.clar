(define-trait counter ((bump (uint) (response uint uint))))
