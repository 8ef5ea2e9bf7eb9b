(index-of? u"\u{1F601}" u"\u{1F600}")
