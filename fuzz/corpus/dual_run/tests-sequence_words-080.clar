(append (list {a: "x"}) {a: "yyy"})
