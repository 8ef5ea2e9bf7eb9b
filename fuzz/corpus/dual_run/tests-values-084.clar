(begin (print 1) (print u2) (/ 1 0))
