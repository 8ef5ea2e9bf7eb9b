(as-max-len? u"\u{1F600}\u{1F600}" u1)
