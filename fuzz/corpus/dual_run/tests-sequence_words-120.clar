(replace-at? "ab" u1 "")
