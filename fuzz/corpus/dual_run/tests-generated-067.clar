(string-ascii 32)
