(len {a})
