(list {wide} {wide})
