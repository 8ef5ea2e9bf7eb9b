(asserts! true (err u3))
