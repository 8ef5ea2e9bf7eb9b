(default-to {x} (get {field} (map-get? m {k})))
