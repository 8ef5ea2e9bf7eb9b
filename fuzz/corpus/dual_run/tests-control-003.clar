(let ((a 1)) (let ((b (+ a 1))) (let ((c (* b 10))) (list a b c))))
