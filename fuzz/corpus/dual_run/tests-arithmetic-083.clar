(pow 2 10)
