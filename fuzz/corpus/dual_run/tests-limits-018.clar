(x{i} b9)
