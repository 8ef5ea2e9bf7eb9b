(tuple (i {i}) (u {u}))
