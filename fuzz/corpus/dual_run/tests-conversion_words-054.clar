(string-to-int? (int-to-utf8 -99))
