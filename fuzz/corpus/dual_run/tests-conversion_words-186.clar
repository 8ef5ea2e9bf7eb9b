(string-utf8 1)
