(string-to-int? "1_000")
