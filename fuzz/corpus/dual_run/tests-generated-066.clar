(string-ascii 8)
