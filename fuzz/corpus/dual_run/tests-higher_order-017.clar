(filter keep-some (list (some 1) none (some 3)))
