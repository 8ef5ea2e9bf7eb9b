(list {p} tx-sender)
