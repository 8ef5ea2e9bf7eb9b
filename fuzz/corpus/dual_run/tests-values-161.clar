(match (some none) x (is-none x) false)
