(is-eq (merge {a: (some 1)} {a: none}) {a: none})
