(is-eq '{DEPLOYER}.foo .foo)
