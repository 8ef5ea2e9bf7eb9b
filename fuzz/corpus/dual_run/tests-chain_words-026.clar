(some {sponsor})
