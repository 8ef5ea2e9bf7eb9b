(string-to-uint? "{u128_max}")
