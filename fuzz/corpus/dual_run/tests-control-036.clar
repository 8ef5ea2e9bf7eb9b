(match {NONE_INT} x (+ x 1) 0)
