(- (to-int (log2 u1024)) (* 2 (xor 1 3)))
