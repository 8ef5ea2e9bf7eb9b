(element-at? "" u0)
