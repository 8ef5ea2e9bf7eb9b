((tuple (l (1 2)) (o (some (tuple (x u1))))) (tuple (l ()) (o none)))
