(optional (list 2 {a: (buff 2), b: (response bool int)}))
