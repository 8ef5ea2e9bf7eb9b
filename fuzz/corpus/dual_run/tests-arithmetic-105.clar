(pow u2 u128)
