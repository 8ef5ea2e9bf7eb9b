(replace-at? "ab" u2 "")
