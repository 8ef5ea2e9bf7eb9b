(buff 2)
