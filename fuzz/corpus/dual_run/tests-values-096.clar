(is-eq '{WALLET_1} '{DEPLOYER})
