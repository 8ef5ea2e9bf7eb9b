("a" "bcdef")
