(list block-height burn-block-height)
