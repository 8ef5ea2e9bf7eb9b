(fold byte-sum 0x0102ff u0)
