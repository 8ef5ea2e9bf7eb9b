(let ((a 2) (b (* a a))) (if (> b 3) (ok b) (err u0)))
