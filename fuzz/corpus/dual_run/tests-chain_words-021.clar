(get-burn-block-info? pox-addrs u0)
