(some (some none))
