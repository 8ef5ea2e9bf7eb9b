(ok u3)
