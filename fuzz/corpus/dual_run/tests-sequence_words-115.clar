(replace-at? (if true (list "a" "b") (list "cccccccccc")) u0 "x")
