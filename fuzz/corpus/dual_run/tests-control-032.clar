(default-to (list 1) (if true none (some (list 2 3))))
