(is-eq "ab" "abc")
