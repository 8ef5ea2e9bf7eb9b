(get l {l: (list 1 2), z: none})
