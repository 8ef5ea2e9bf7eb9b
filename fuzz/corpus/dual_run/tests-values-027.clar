(none (some u1))
