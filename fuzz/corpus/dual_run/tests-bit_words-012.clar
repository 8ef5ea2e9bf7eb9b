(bit-shift-left {a} u{s})
