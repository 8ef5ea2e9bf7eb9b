(asserts! (> 2 1) 0)
