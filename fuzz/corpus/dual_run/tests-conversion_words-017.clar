(string-to-int? "1e3")
