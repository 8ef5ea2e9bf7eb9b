(pow u2 u64)
