(string-utf8 32)
