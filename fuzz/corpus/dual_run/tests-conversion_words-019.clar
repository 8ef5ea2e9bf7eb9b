(string-to-int? "12x")
