(list {k: (some "v")} {k: none})
