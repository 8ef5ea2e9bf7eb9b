(pow u2 u127)
