(append (concat (list "a") (list "bb")) "ccc")
