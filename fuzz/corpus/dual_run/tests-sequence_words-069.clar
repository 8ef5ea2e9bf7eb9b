(concat (list {a: "x"}) (list {a: "yyyy"}))
