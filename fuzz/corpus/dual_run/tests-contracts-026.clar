(is-eq tx-sender contract-caller)
