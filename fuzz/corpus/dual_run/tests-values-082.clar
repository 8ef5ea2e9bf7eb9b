(print {src})
