(ok u144)
