(pow 1 -5)
