(optional {})
