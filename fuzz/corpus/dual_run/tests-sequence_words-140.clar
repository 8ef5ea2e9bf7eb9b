(some ((tuple (id u1) (tag ""))))
