(pow 3 80)
