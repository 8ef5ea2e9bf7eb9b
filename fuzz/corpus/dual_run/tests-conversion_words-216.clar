(buff 3)
