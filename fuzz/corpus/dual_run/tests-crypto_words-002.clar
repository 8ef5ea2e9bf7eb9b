(let ((sig 0x00)) (secp256k1-recover? 0x00 sig))
