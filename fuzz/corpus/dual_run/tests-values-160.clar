(default-to none (some (some 1)))
