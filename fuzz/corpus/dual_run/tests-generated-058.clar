(if {c} (list {}) (list))
