(string-to-int? "007")
