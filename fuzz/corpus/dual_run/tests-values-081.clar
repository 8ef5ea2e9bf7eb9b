((tuple (k (some "v"))) (tuple (k none)))
