(get a {a: (list)})
