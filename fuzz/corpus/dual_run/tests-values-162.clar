(let ((x (list))) (len x))
