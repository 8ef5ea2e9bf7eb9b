(default-to u9 (if true none (some u1)))
