(contract-call? .control public-short u7)
