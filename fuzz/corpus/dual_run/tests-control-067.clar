(begin (print 1) (unwrap! {NONE_INT} u0))
