(* {U128_MAX} u2)
