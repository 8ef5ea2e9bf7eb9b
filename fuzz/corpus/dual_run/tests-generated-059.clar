(some {x})
