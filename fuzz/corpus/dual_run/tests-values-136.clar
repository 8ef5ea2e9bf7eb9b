(print 1) (print "two") (+ 1 2)
