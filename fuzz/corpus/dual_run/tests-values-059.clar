(merge {a: 1} {a: "replaced"})
