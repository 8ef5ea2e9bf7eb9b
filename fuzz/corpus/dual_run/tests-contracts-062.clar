(some {shown})
