(bit-shift-right u{u} u{s})
