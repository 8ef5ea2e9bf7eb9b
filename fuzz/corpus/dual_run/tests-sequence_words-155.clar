("a" "xyzzy")
