(pow 0 -5)
