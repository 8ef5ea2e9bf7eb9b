(b{i} (concat b{} b{}))
