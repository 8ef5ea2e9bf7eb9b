(get locked (stx-account tx-sender))
