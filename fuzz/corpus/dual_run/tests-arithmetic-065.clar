(/ {U128_MAX} u3)
