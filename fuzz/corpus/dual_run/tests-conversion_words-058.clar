(append (list (int-to-ascii 1)) (int-to-ascii -123456))
