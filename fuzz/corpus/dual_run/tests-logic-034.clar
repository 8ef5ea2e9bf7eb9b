(and false (unwrap! (if true none (some true)) false))
