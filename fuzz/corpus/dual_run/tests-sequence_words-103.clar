(replace-at? "" u0 "z")
