(to-uint {a})
