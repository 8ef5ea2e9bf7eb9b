(string-to-int? " 5")
