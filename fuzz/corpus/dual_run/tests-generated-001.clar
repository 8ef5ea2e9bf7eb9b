(list {})
