(string-to-int? "+")
