(map h-int {l})
