(if {c} (ok {x}) (err {y}))
