(map double (filter is-big (map double (list 1 2 3))))
