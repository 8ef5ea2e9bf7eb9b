(err (tuple (hash-bytes 0x{HASH}) (name none) (version 0x20)))
