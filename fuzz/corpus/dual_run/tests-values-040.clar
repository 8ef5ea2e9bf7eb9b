(list {l: (list 1 2), o: (some {x: u1})} {l: (list), o: none})
