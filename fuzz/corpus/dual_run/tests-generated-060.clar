(if {c} none (some {x}))
