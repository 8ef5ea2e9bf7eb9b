(some 0x051a{HASH})
