(filter is-big (list 5 1 7))
