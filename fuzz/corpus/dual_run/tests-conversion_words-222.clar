(from-consensus-buff? uint (unwrap-panic (to-consensus-buff? 1)))
