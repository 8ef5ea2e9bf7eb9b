(contract-call? .user peek-via .explicit)
