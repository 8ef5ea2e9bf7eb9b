(pow 0 0)
