(string-ascii 3)
