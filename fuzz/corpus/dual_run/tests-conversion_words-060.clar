(tuple (ai "{i}") (au "{u}") (ui u"{i}") (uu u"{u}"))
