(define-non-fungible-token n uint) (define-public (b) (nft-burn? n u1 tx-sender)) (define-public (m) (nft-mint? n u1 tx-sender))
