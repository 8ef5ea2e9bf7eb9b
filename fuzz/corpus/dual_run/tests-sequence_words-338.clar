(filter not (append (list true) false))
