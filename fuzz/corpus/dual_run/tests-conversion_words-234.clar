(is-eq {p} tx-sender)
