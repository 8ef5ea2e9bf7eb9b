(as-max-len? "" u0)
