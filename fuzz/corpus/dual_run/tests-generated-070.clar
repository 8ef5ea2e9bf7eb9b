(list 5 {})
