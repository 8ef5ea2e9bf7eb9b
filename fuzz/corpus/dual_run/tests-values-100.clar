(is-eq tx-sender tx-sender)
