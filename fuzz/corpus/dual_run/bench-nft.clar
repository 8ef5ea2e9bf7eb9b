;; A non-fungible token: each call mints the next id to the caller and transfers it.
(define-non-fungible-token item uint)
(define-data-var last-id uint u0)

(define-public (mint-transfer (to principal))
  (let ((id (+ (var-get last-id) u1)))
    (var-set last-id id)
    (try! (nft-mint? item id tx-sender))
    (nft-transfer? item id tx-sender to)))
