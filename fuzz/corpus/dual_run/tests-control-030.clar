(default-to 5 (some 6))
