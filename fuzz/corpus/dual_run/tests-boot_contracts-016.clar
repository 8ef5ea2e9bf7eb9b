(contract-call? .bns namespace-reveal {ns} {salt} {pricing} u0 tx-sender)
