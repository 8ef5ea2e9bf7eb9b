(get f39 {wide})
