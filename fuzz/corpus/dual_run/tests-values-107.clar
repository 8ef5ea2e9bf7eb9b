(is-eq u"\u{1F600}" u"\u{1F600}")
