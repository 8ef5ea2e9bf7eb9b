(* {U128_MAX} u2 (- u0 u1))
