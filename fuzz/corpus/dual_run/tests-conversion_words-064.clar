(to-consensus-buff? u"a\u{1F600}")
