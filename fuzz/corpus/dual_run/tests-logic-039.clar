(or (print false) (print true) (print false))
