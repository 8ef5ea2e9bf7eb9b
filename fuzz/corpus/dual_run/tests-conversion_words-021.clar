(string-to-int? "1.0")
