(bit-shift-left u1 u127)
