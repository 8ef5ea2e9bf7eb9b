(list (print 3) (print 1) (print 2))
