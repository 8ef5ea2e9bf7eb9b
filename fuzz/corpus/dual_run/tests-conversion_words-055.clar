(string-to-uint? (int-to-ascii -1))
