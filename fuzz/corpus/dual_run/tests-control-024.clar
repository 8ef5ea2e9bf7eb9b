(is-none (some none))
