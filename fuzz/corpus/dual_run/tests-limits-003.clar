(ok u388)
