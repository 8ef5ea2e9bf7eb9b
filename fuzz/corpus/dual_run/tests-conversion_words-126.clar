(int-to-ascii 0)
