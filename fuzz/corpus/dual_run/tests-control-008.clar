(begin (some 1))
