(fold h-step {l} {i})
