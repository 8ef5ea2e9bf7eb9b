(at-block (contract-call? .viewer id-of u2) block-height)
