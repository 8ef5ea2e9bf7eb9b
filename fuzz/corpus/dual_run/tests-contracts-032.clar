(tuple (config {config}) (counter u{counter}) (greeting {greeting}) (history {history}) (label "{label}") (last {last}))
