(err u8)
