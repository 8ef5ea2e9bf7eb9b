(if false none (some (ok -5)))
