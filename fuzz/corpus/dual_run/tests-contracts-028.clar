(tuple (block u{b}) (burn u{burn}) (chain u2147483648) (mainnet false) (regtest false))
