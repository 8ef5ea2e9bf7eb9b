(to-consensus-buff? tx-sender)
