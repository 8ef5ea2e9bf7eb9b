(to-consensus-buff? u"\u{e9}")
