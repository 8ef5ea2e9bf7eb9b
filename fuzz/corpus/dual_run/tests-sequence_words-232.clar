(index-of? (list true true false) false)
