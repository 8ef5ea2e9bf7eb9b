(int-to-utf8 {U128_MAX})
