(not {a})
