(let ((s "x") (t {k: u1})) (print s) (merge t {s: s}))
