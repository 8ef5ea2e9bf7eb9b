(to-consensus-buff? {I128_MIN})
