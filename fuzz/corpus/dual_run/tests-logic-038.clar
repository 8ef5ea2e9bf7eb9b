(and (print true) (print false) (print true))
