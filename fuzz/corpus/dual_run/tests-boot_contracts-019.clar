(ok u146)
