(filter h-bool {l})
