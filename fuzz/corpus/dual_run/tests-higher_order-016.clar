(filter is-vowel u"caf\u{e9}")
