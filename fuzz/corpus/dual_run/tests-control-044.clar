(unwrap! (some 1) 2)
