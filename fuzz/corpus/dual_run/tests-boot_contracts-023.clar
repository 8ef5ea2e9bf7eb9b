(contract-call? .bns name-register {ns} {name} {salt} 0x00)
