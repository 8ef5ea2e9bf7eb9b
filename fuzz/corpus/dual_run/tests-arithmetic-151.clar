(to-uint -1)
