(some ((tuple (id u7) (tag "longtag8")) (tuple (id u2) (tag "yy"))))
