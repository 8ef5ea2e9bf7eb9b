(if true (err (list 1 2)) (ok true))
