(let ((s "middle")) (and (> s "a") (< s "z")))
