(list 2 (string-ascii 2))
