(if {c} (ok {t}) (err {e}))
