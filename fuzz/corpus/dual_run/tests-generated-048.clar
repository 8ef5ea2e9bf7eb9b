(to-int {a})
