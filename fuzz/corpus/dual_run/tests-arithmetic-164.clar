(+ {I128_MAX} 1 (unwrap-panic (if true none (some 1))))
