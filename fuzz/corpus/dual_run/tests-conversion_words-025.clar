(string-to-int? "+{I128_MAX}")
