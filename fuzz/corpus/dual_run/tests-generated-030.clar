(map-set m {k} {v})
