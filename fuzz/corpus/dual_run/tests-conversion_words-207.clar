(response bool bool)
