(is-some (map-get? m {k}))
