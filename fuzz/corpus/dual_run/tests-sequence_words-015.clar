(element-at u"\u{20AC}" u0)
