(use-trait ft 'SP3FBR2AGK5H9QBDH3EEN6DF8EK8JY7RX8QJ5SVTE.sip-010-trait-ft-standard.sip-010-trait)
(define-public (pay (token <ft>) (amount uint) (to principal))
  (contract-call? token transfer amount tx-sender to none))
(define-public (mint-and-pay (amount uint) (to principal))
  (begin
    (try! (contract-call? 'SP2C2YFP12AJZB4MABJBAJ55XECVS7E4PMMZ89YZR.wrapped-token mint amount tx-sender))
    (pay 'SP2C2YFP12AJZB4MABJBAJ55XECVS7E4PMMZ89YZR.wrapped-token amount to)))
