(tuple (fee u20) (paused true) (tag 0x00))
