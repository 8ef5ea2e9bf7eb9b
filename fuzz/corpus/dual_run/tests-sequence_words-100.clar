(replace-at? "abc" u0 "z")
