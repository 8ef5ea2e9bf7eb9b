(ok u96)
