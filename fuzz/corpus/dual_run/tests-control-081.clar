(ok u8)
