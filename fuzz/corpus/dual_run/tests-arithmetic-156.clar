(to-uint (+ (to-int u5) -5))
