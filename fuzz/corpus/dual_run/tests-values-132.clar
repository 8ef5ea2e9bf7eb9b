(is-eq (list "a" "bc") (list "ab" "c"))
