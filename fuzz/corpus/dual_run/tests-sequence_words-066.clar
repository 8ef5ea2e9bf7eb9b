("a" "bcd" "ef")
