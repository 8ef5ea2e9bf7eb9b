(to-consensus-buff? {U128_MAX})
