(if {c} {a} {b})
