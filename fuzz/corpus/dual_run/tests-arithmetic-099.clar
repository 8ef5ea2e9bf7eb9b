(pow u1 {U128_MAX})
