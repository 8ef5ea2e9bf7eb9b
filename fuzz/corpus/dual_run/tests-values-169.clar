(ok (list))
