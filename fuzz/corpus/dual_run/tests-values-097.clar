(is-eq '{DEPLOYER}.foo '{DEPLOYER})
