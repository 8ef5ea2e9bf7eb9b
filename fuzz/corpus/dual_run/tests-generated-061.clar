(if {c} (some {x}) none)
