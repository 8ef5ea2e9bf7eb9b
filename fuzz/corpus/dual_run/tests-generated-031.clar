(map-insert m {k} {v})
