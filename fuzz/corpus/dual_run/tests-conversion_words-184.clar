(buff 0)
