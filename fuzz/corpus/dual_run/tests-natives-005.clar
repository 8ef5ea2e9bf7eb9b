(len (keccak256 0x))
