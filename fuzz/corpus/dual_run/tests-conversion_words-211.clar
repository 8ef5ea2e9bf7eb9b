(buff 10)
