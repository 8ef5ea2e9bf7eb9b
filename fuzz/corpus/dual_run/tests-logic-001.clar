(< (len "abc") (len u"\u{1F600}\u{1F600}"))
