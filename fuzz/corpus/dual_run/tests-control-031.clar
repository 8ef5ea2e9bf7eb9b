(default-to "default" (some "x"))
