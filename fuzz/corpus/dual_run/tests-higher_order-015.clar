(filter is-big (list 0))
