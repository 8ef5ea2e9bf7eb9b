(some ("ab"))
