(principal-destruct? {p})
