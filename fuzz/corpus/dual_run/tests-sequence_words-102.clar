(replace-at? "abc" u3 "z")
