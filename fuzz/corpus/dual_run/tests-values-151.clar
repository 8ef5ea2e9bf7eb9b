(is-eq {wide} (merge {wide} {{f20: 21}}))
