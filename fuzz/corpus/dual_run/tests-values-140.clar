(print {list})
