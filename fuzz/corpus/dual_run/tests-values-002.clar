(some u"\u{1F600}")
