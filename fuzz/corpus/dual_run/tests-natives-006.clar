(len (hash160 (sha512/256 0x01)))
