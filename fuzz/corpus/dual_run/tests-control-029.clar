(default-to 5 none)
