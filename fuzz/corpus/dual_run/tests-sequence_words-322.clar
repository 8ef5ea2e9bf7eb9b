(replace-at? (list {a: 1} {a: 2}) u0 {a: 9})
