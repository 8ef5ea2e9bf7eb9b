(+ chain-id u0)
