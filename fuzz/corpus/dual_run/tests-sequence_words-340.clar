(some u3)
