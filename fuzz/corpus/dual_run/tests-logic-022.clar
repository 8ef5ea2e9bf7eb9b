(or true false)
