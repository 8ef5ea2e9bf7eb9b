(slice? (list {a: 1} {a: 2} {a: 3}) u1 u3)
