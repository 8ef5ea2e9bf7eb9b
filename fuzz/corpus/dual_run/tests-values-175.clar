(print none)
