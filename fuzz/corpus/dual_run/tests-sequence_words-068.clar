("abcdef" "g")
