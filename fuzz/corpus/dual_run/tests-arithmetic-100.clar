(pow u0 {U128_MAX})
