(string-to-int? u"{I128_MIN}")
