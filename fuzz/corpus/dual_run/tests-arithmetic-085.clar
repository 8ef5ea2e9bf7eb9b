(pow 2 0)
