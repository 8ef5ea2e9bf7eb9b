(string-to-int? "1")
