(false false)
