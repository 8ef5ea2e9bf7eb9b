(to-int u{I128_MAX})
