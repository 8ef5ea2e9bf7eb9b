(string-to-int? "-0")
