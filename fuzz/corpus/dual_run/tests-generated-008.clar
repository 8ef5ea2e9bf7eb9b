(print {a})
