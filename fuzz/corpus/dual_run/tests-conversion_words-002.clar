(string-to-int? "")
