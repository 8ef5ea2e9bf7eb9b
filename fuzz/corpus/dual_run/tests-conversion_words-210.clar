(some (some ((tuple (a 0x0102) (b (ok true))))))
