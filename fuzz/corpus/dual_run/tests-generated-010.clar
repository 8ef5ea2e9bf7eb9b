(match {r} {n_ok} {a} {n_err} {b})
