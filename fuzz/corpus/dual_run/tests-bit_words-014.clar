(bit-shift-left u{u} u{s})
