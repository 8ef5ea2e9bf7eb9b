(ok (tuple (lease-ending-at none) (lease-started-at u3) (owner {deployer}) (zonefile-hash 0x00112233445566778899aabbccddeeff00112233)))
