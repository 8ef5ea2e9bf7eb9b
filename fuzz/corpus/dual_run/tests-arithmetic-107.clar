(pow 2 -1)
