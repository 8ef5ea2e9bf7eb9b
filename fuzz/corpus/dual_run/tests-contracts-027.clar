(is-eq tx-sender '{WALLET_1})
