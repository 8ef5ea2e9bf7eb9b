(stx-burn? u5 tx-sender)
