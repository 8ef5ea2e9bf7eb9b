(tuple (fee u10) (paused false) (tag 0x00))
