(pow -2 3)
