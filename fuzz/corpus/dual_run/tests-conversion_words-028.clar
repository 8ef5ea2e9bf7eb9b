(string-to-int? "{u128_max}")
