(response {} {})
