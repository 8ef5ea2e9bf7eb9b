(false)
