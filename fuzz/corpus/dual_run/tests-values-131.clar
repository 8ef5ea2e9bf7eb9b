(is-eq (list "a" "bc") (list "a" "bc"))
