(ok true)
