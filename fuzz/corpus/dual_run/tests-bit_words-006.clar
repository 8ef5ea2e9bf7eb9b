(bit-and u{ua} u{ub})
