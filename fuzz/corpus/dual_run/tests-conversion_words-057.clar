(index-of? (int-to-ascii -123) "2")
