("a" "bcd" "")
