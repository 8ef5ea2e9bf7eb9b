(tuple (at {at}) (cat {cat}) (idx {idx}) (max {max}) (rep {rep}) (sl {sl}))
