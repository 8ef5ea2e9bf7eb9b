(string-to-uint? (int-to-ascii u99))
