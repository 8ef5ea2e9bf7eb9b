(replace-at? (list "abc" "d") u1 "")
