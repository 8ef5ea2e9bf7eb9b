(define-public (go) (ok (unwrap-panic (contract-call? '{b} deep))))
