(if false (some {v}) none)
