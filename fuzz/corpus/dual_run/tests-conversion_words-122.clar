(some {v})
