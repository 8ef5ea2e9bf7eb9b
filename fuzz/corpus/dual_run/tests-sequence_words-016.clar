(some u"\u{e282ac}")
