(some ((true false) ()))
