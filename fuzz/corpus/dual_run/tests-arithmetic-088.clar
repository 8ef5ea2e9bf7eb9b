(pow 7 1)
