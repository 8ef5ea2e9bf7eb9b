(print 1) (/ 1 0) (print 2)
