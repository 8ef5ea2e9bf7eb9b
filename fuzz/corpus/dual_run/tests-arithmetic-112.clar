(pow u3 {U128_MAX})
