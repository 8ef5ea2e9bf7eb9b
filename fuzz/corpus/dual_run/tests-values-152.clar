(some {acc})
