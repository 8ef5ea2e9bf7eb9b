(string-ascii 5)
