(string-utf8 2)
