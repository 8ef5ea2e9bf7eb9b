(define-public (pub-resp (x int)) {pub_resp})
