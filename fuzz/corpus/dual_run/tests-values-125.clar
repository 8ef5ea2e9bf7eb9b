(is-eq (list) (list))
