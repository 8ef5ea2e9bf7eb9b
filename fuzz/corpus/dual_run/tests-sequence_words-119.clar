(replace-at? (if true (list "a" "b") (list "cccccccccc")) u9 "xyz")
