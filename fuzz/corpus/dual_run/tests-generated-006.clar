(let (({name} {x})) {body})
