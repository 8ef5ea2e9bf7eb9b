(from-consensus-buff? { a: (list 2 bool) } (unwrap-panic (to-consensus-buff? { a: (list true) })))
