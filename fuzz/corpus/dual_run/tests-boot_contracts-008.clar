(some (tuple (amount-ustx u5000) (delegated-to {w2}) (pox-addr none) (until-burn-ht none)))
