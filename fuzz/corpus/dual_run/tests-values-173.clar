(asserts! true (list))
