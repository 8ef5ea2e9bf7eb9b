(ok (tuple (hash-bytes 0x{HASH}) (name (some "{long}")) (version 0x1a)))
