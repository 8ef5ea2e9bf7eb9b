(string-to-int? "-")
