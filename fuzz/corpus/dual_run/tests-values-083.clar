(begin (print 1) (print "two") (print (some u3)))
