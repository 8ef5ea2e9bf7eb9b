(> block-height burn-block-height)
