(unwrap! (some (list)) (list 1))
