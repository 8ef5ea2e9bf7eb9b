(bit-shift-right {a} u{s})
