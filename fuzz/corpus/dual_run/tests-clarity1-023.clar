(unwrap! (if true none (some 1)) u3)
