("bb" "xyzzy")
