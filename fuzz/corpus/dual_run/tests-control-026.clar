(is-ok (err 1))
