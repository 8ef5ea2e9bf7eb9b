(slice? "" u0 u0)
