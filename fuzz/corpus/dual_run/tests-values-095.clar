(is-eq '{WALLET_1} '{WALLET_1})
