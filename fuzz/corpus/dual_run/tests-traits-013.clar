(ok u99)
