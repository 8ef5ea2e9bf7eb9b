(contract-call? .viewer height-at 0x01)
