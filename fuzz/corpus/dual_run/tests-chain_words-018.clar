(list is-in-mainnet is-in-regtest)
