(some none)
