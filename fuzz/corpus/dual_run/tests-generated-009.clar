(match {o} {name} {some} {none})
