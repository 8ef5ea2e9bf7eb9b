("a" "bcdefghijk")
