(bit-shift-left 3 {U128_MAX})
