(ok u97)
