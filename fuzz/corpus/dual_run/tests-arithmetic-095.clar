(pow u0 u0)
