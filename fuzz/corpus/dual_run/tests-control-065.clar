(let ((a 1)) (if (> a 0) (begin (asserts! (< a 0) (some a)) 0) 1))
