(len (list (some 1) none))
