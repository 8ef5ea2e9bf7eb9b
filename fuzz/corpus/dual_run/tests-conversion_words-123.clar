(some u{v})
