(ok u107)
