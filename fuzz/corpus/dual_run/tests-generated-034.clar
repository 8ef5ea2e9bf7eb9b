(as-contract {x})
