(asserts! false (err 1))
