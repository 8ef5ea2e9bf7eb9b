(h-int {x})
