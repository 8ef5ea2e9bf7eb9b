(string-ascii 4)
