(+ (print 1) (print {I128_MAX}))
