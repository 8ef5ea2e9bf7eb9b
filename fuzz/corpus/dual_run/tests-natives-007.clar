(int-to-ascii -42)
