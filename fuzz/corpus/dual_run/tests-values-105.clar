(is-eq "ab" "ab")
