(list 3 (string-ascii 4))
