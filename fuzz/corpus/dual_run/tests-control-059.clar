(asserts! false (err u3))
