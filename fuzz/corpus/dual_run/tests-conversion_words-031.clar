(string-to-int? u"-42")
