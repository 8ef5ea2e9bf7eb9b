(get inner (get outer {outer: {inner: "x"}}))
