(contract-call? .bns name-register {ns} {name} {salt} 0x00112233445566778899aabbccddeeff00112233)
