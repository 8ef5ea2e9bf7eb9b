(contract-call? .control public-try (- 2 3))
