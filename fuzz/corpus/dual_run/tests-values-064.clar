(let ((t {x: 1, y: u2})) (merge t {y: u3}))
