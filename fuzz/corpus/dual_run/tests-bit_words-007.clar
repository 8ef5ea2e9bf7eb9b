(bit-or u{ua} u{ub} u7)
