(buff 32)
