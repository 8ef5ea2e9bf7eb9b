(bit-not u{ua})
