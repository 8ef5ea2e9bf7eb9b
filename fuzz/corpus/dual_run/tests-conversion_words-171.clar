(some 0x061a{HASH}04{})
