(define-private (h-resp (x int)) {h_resp})
