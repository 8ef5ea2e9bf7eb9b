(string-to-int? "0x10")
