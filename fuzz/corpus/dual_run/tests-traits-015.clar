(contract-call? .user through-let .implicit)
