(is-eq (some none) (some (some u1)))
