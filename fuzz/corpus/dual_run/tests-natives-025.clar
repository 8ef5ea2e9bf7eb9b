(ok (tuple (hash-bytes 0x6d78de7b0625dfbfc16c3a8a5735f6dc3dc3f2ce) (name (some "c")) (version 0x1a)))
