(h-bool {x})
