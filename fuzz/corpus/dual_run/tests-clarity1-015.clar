(merge {a: 1} {b: u"\u{1F600}"})
