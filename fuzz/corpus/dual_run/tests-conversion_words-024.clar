(string-to-int? "{I128_MIN}")
