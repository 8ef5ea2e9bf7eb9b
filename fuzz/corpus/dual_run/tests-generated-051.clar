(len (list {}))
