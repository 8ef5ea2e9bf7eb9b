(bit-xor u{ua} u{ub})
