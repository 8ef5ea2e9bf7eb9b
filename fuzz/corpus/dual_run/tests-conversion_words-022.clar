(string-to-int? "\n5")
