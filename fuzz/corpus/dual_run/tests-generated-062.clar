(if {c} (err {y}) (ok {x}))
